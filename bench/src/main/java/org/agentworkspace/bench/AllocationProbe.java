package org.agentworkspace.bench;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Bytes allocated by a child JVM, read over its local JMX agent (started through the attach API,
 * so the child needs no extra flags): the sum of {@code getThreadAllocatedBytes} over its live
 * threads. Taken before and after a window, the difference divided by the requests served is the
 * allocation per request. Threads that end inside the window are missed, so it is a lower bound;
 * Grizzly and HikariCP keep their threads, so in practice it is exact to a few percent.
 */
final class AllocationProbe implements AutoCloseable {
    private final JMXConnector connector;
    private final ThreadMXBean threads;

    private AllocationProbe(JMXConnector connector, ThreadMXBean threads) {
        this.connector = connector;
        this.threads = threads;
    }

    static AllocationProbe attach(long pid) throws Exception {
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
        return new AllocationProbe(connector, threads);
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

    @Override
    public void close() throws Exception {
        connector.close();
    }
}
