<#-- Pull-request summary. Rendered by MarkdownReport; values arrive escaped for Markdown tables. -->
## flinkops <#if errors == 0>passed<#else>found ${errors} error<#if errors != 1>s</#if></#if>

<#if pullRequest>
Compared `${base}` with `${head}`<#if newErrors gt 0>: **${newErrors} new error<#if newErrors != 1>s</#if>**</#if>.

<#if unloadable?has_content>
> This pull request edits ${policyFiles?join(", ")}. The base revision's policies do not load, so both sides were judged by this pull request's policies:
<#list unloadable as u>
> - ${u}
</#list>

<#elseif policyFiles?has_content>
> This pull request edits ${policyFiles?join(", ")}. It was judged by the base revision's policies<#if relaxed?has_content>; the edit would relax ${relaxed?size} finding<#if relaxed?size != 1>s</#if>:<#else>.</#if>
<#list relaxed as r>
> - ${r}
</#list>

</#if>
### Changes

<#if environments?has_content>
<#list environments as env>
**${env.name}**: ${env.added} added, ${env.changed} changed, ${env.removed} removed

| change | object |
| --- | --- |
<#list env.changes as c>
| ${c.kind} | `${c.id}` |
</#list>

<#list env.changes as c>
<#if c.diff?has_content>
<details><summary>${c.kind} <code>${c.idHtml}</code></summary>

```diff
${c.diff}
```

</details>

</#if>
</#list>
</#list>
<#else>
No object changes.

</#if>
</#if>
### Findings

<#if findings?has_content>
| | where | rule | finding |
| --- | --- | --- | --- |
<#list findings as f>
| ${f.severity}<#if f.status == "new"> **(new)**<#elseif f.status == "existing"> (existing)</#if> | `${f.where}` | [${f.rule}](docs/rules/${f.rule}.md) | ${f.message} |
</#list>
<#else>
No findings.
</#if>
<#if exceptions?has_content>

### Exceptions used

<#list exceptions as e>
- ${e}
</#list>
</#if>
