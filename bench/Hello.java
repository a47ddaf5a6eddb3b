/** The JVM start-up reference of the benchmark. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
