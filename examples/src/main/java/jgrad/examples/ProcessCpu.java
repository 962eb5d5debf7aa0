package jgrad.examples;

import java.lang.management.ManagementFactory;

/** CPU time used by this process, all threads together; -1 where the JVM does not measure it. */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
