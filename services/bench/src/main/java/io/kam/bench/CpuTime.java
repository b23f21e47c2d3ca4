package io.kam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.sql.DataSource;


/**
 * CPU seconds spent by the processes of the benchmark, from {@code /proc} (Linux): the service's JVM, the PostgreSQL
 * server (the postmaster, its live children and those that exited), and this JVM (the broker and the client). Unlike
 * wall-clock rates they do not change when other work shares the machine, so they tell what a row costs.
 */
final class CpuTime {

    private static final double TICKS = 100.0; // USER_HZ on Linux

    private final long service;
    private final long postmaster;


    CpuTime(long servicePid, DataSource database) {
        this.service = servicePid;
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            this.postmaster = field(rs.getLong(1), 4); // read while the backend lives
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not find the database server's process", e);
        }
        if (postmaster <= 1) {
            throw new IllegalStateException("could not find the database server's process");
        }
    }

    record Sample(double service, double postgres, double benchmark) {
        Sample minus(Sample before) {
            return new Sample(PipelineBenchmark.round(service - before.service),
                    PipelineBenchmark.round(postgres - before.postgres), PipelineBenchmark.round(benchmark - before.benchmark));
        }
    }

    Sample sample() {
        return new Sample(own(service) / TICKS, (all(postmaster) + children(postmaster)) / TICKS,
                own(ProcessHandle.current().pid()) / TICKS);
    }

    /** User and system time of the process itself. */
    private static long own(long pid) {
        return field(pid, 14) + field(pid, 15);
    }

    /** Its own time and that of its children it has waited for. */
    private static long all(long pid) {
        return own(pid) + field(pid, 16) + field(pid, 17);
    }

    private static long children(long parent) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .filter(pid -> field(pid, 4) == parent).map(CpuTime::own).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** A field of {@code /proc/<pid>/stat}, counted from 1 as in proc(5); 0 if the process is gone. */
    private static long field(long pid, int index) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[index - 3]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
