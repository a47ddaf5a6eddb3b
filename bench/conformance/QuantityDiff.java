import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Method;
import java.util.Random;

/**
 * flinkops' reading of a pod-template quantity (operator-quantity-unreadable) against the operator's own Kubernetes
 * model (fabric8's Quantity, as the operator's Jackson reads a FlinkDeployment), on random short texts made of digits,
 * unit letters, placeholder characters and a few non-ASCII ones.
 */
public class QuantityDiff {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        ObjectMapper mapper = new ObjectMapper();
        Method readable = Class.forName("io.flinkops.compiler.check.operator.QuantityUnreadable").getDeclaredMethod("readable", String.class);
        readable.setAccessible(true);
        String alphabet = "0123456789.eEinumkKMGTP_%$ {}<>-+aBZ@#()iI\u0663\u00e9";
        Random random = new Random(42);
        int differ = 0;
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            boolean operator;
            try {
                mapper.readValue(mapper.writeValueAsString(text.toString()), Quantity.class);
                operator = true;
            } catch (Exception e) {
                operator = false;
            }
            if (operator != (Boolean) readable.invoke(null, text.toString())) {
                differ++;
                System.out.println("DIFFER [" + text + "]: the operator " + (operator ? "reads" : "refuses") + " it");
            }
        }
        System.out.printf("quantities: %d of %d differ%n", differ, n);
    }
}
