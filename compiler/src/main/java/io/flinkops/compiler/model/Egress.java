package io.flinkops.compiler.model;

import java.util.List;

/** A declared outbound destination (for example Kafka brokers): a CIDR or a namespace, and ports. */
public record Egress(String name, String cidr, String namespace, List<Integer> ports, String protocol, String pointer) {}
