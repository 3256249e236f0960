import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What Linux says of a process in /proc. */
final class Proc {

    /**
     * CPU time the process has used (all its threads, from /proc/PID/task/TID/schedstat): steadier than
     * wall time when other work shares the machine, so the report gives both.
     */
    static long cpuNanos(long pid) {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    sum += Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split("\\s+")[0]);
                } catch (IOException | RuntimeException threadGone) {
                    // a thread that ended in between
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }

    /** The 1, 5 and 15 minute load averages, as uptime prints them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // not Linux or already gone
        }
        return -1;
    }
}
