import com.sun.tools.attach.VirtualMachine;
import javax.management.*;
import javax.management.remote.*;
import java.util.*;

public class BrokerRequests {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        String url = vm.startLocalManagementAgent();
        MBeanServerConnection c = JMXConnectorFactory.connect(new JMXServiceURL(url)).getMBeanServerConnection();
        long seconds = Long.parseLong(args[1]);
        Map<String, Long> before = snapshot(c);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000);
        Map<String, Long> after = snapshot(c);
        double el = (System.nanoTime() - t0) / 1e9;
        List<String> keys = new ArrayList<>(after.keySet());
        keys.sort(Comparator.comparingLong(k -> -(after.get(k) - before.getOrDefault(k, 0L))));
        for (String k : keys) {
            long d = after.get(k) - before.getOrDefault(k, 0L);
            if (d > 0) System.out.printf("%10.1f/s  %s%n", d / el, k);
        }
    }
    static Map<String, Long> snapshot(MBeanServerConnection c) throws Exception {
        Map<String, Long> m = new TreeMap<>();
        for (ObjectName n : c.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
            m.put("req " + n.getKeyProperty("request") + " v" + n.getKeyProperty("version"), ((Number) c.getAttribute(n, "Count")).longValue());
        }
        for (ObjectName n : c.queryNames(new ObjectName("kafka.server:type=BrokerTopicMetrics,name=*,topic=*"), null)) {
            String name = n.getKeyProperty("name");
            if (name.contains("Bytes")) continue;
            m.put("topic " + n.getKeyProperty("topic") + " " + name, ((Number) c.getAttribute(n, "Count")).longValue());
        }
        return m;
    }
}
