package org.agentworkspace.bench;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.List;
import javax.management.ObjectName;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A child JVM seen over its local JMX agent (started through the attach API, so the child needs
 * no extra flags). Bytes allocated: the sum of {@code getThreadAllocatedBytes} over its live
 * threads; taken before and after a window, the difference divided by the requests served is the
 * allocation per request. Threads that end inside the window are missed, so it is a lower bound;
 * Grizzly and HikariCP keep their threads, so in practice it is exact to a few percent. Also its
 * JVM options, its threads by name, and JFR recordings started and dumped from outside (so a
 * server started by a launcher is profiled with the options the launcher gave it).
 */
final class JvmProbe implements AutoCloseable {
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final ThreadMXBean threads;

    private JvmProbe(JMXConnector connector, MBeanServerConnection server, ThreadMXBean threads) {
        this.connector = connector;
        this.server = server;
        this.threads = threads;
    }

    static JvmProbe attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MBeanServerConnection server = connector.getMBeanServerConnection();
        ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME,
                ThreadMXBean.class);
        return new JvmProbe(connector, server, threads);
    }

    long allocatedBytes() {
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (b > 0) {
                sum += b;
            }
        }
        return sum;
    }

    /** How many live threads have a name starting with {@code prefix}. */
    int threadsNamed(String prefix) {
        int n = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    /** The JVM's options as it was started ({@code -X…}, {@code -XX:…}, {@code -D…}, ...). */
    List<String> inputArguments() throws IOException {
        return ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.RUNTIME_MXBEAN_NAME,
                RuntimeMXBean.class).getInputArguments();
    }

    /** Runs a JFR diagnostic command ({@code jfrStart}, {@code jfrStop}) with {@code key=value} arguments. */
    String jfr(String operation, String... arguments) throws Exception {
        Object answer = server.invoke(new ObjectName(DIAGNOSTIC_COMMAND), operation, new Object[] {arguments},
                new String[] {String[].class.getName()});
        return String.valueOf(answer).trim();
    }

    @Override
    public void close() throws Exception {
        connector.close();
    }
}
