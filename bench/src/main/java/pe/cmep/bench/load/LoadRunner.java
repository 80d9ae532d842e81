package pe.cmep.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs one point at a fixed concurrency: {@code clients} threads, each sending its next request as soon as the last
 * one answered (a closed loop), first for the warm-up, then for the measured time. What answers within the measured
 * time counts (as wrk counts); a client that got no answer in it keeps going until its first one, which then counts
 * too and stretches the time (a point whose requests take longer than the window still gets figures). The throughput
 * is the successful answers over that time. Latencies go into one HdrHistogram per thread (microseconds, 3
 * significant digits), merged at the end.
 */
public final class LoadRunner {

    private static final long HIGHEST_MICROS = Duration.ofMinutes(5).toNanos() / 1000;
    /** How long past the end a client whose requests are slower than the point waits for its first answer. */
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    /** One request of one client. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    /** Makes the call of client {@code thread} (its connection, its session), before the clock starts. */
    @FunctionalInterface
    public interface Client {
        Call open(int thread) throws Exception;
    }

    /** Thrown by a call whose supply of fresh solicitudes ran out: its client stops, and the point says so. */
    public static final class Exhausted extends RuntimeException {
        public Exhausted(String what) {
            super(what);
        }
    }

    /**
     * @param exhausted what ran out before the end, or null
     */
    public record Measured(long requests, double seconds, Histogram latencies, long errors, String firstError,
                           String exhausted) {

        public double perSecond() {
            return seconds <= 0 ? 0 : requests / seconds;
        }

        public double millis(double percentile) {
            return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private LoadRunner() {
    }

    public static Measured run(int clients, Duration warmUp, Duration measure, Client client)
            throws InterruptedException {
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicReference<String> exhausted = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        CyclicBarrier ready = new CyclicBarrier(clients + 1);
        long[] clock = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
            histograms.add(histogram);
            int thread = t;
            Thread worker = new Thread(() -> {
                Call call;
                try {
                    call = client.open(thread);
                } catch (Exception e) {
                    firstError.compareAndSet(null, "client " + thread + " could not start: " + e);
                    errors.incrementAndGet();
                    call = null;
                }
                try {
                    ready.await();
                } catch (Exception e) {
                    return;
                }
                if (call == null) {
                    return;
                }
                long measureFrom = clock[0];
                long measureTo = clock[1];
                long giveUp = measureTo + GIVE_UP.toNanos();
                boolean counted = false;
                while (!stop.get()) {
                    long start = System.nanoTime();
                    if (start >= measureTo && (counted || start >= giveUp)) {
                        break;
                    }
                    try {
                        call.run();
                        long end = System.nanoTime();
                        if (end >= measureFrom && (end <= measureTo || !counted)) {
                            histogram.recordValue(Math.min(HIGHEST_MICROS, (end - start) / 1000));
                            requests.incrementAndGet();
                            lastEnd.accumulateAndGet(end, Math::max);
                            counted = true;
                        }
                    } catch (Exhausted e) {
                        exhausted.compareAndSet(null, e.getMessage());
                        break;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    } catch (Exception e) {
                        long end = System.nanoTime();
                        if (end >= measureFrom && (end <= measureTo || !counted)) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, String.valueOf(e.getMessage() == null ? e : e.getMessage()));
                            counted = true;
                        }
                    }
                }
            }, "bench-client-" + t);
            worker.start();
            threads.add(worker);
        }
        long now = System.nanoTime();
        clock[0] = now + warmUp.toNanos();
        clock[1] = clock[0] + measure.toNanos();
        try {
            ready.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofMinutes(2).toMillis());
        }
        stop.set(true);
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        histograms.forEach(all::add);
        double seconds = (Math.max(lastEnd.get(), clock[1]) - clock[0]) / 1e9;
        return new Measured(requests.get(), seconds, all, errors.get(), firstError.get(), exhausted.get());
    }
}
