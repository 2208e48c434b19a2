package org.ngoplatform.export;

import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import org.ngoplatform.base.live.LiveUpdates;
import org.ngoplatform.base.security.NamedPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs exports: small ones in the caller's thread, larger ones on a bounded pool with progress for their
 * owner, cancel, and a finished file kept for a limited time, downloadable by its owner only. Every export
 * publishes an {@link ExportEvent} when it starts, when it finishes, fails or is cancelled and when its file is
 * downloaded (the audit log records them).
 *
 * <p>The caller's own service checks who may export what (and whether identity may be included) before it
 * calls {@link #start}; this service checks that every later call comes from the job's owner.
 */
@Service
public class ExportService {

    public static final String STARTED = "EXPORT_STARTED";
    public static final String FINISHED = "EXPORT_FINISHED";
    public static final String CANCELLED = "EXPORT_CANCELLED";
    public static final String FAILED = "EXPORT_FAILED";
    public static final String DOWNLOADED = "EXPORT_DOWNLOADED";
    /** An export that an earlier run of the application left unfinished (it stopped or was killed meanwhile). */
    public static final String ABANDONED = "EXPORT_ABANDONED";

    private static final Logger log = LoggerFactory.getLogger(ExportService.class);
    private static final long NOTIFY_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ApplicationEventPublisher events;
    private final LiveUpdates live;
    private final Clock clock;
    private final ExportSettings settings;
    private final Path directory;
    private final ExportFolders folders;
    private final ThreadPoolExecutor executor;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final TempFileCreationStrategy poiTempFiles;

    public ExportService(ApplicationEventPublisher events, LiveUpdates live, Clock clock, ExportSettings settings) {
        this.events = events;
        this.live = live;
        this.clock = clock;
        this.settings = settings;
        this.folders = new ExportFolders(settings.directory());
        this.directory = folders.createOwnFolder(newId().substring(0, 12));
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 30, TimeUnit.SECONDS,
                settings.queueCapacity() == 0 ? new SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(settings.queueCapacity()),
                r -> {
                    Thread t = new Thread(r, "export-" + threadNo.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.NORM_PRIORITY - 1);
                    return t;
                });
        this.executor.allowCoreThreadTimeOut(true);
        this.poiTempFiles = new DefaultTempFileCreationStrategy(directory.resolve(ExportFolders.POI_TEMP).toFile());
    }

    /** This instance's own folder for finished files (one per application instance). */
    public Path directory() {
        return directory;
    }

    /**
     * Clears what earlier, no longer running instances left in the export folder (a JVM killed mid-export leaves
     * its partial files, finished files and POI temp files) and publishes an {@link #ABANDONED} event for each
     * export they left unfinished. Runs once the application is ready; instances still running are left alone.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void cleanUpAfterEarlierRuns() {
        for (ExportFolders.Leftover leftover : folders.leftovers(settings.expiry().multipliedBy(2), clock.instant())) {
            for (ExportFolders.UnfinishedJob job : leftover.unfinishedJobs()) {
                publish(ABANDONED, job.subject(), job.details() + "; reason=instance stopped");
            }
            folders.delete(leftover);
        }
    }

    /**
     * Starts an export for the signed-in person. Runs inline when the request expects at most
     * {@code inlineMaxRows} rows (the returned status is then final), else in the background.
     *
     * @throws ExportBusyException when the pool and its queue are full
     */
    @PreAuthorize("isAuthenticated()")
    public ExportStatus start(ExportRequest request, ExportContent content) {
        String owner = currentOwner();
        String id = newId();
        Job job = new Job(id, owner, request);
        jobs.put(id, job);
        publish(STARTED, request.subject(), details(job));
        // Until the job ends, a note in the folder tells a later start which export a crash left unfinished.
        ExportFolders.writeUnfinished(directory, id, request.subject(), details(job));
        boolean inline = request.expectedRows() >= 0 && request.expectedRows() <= settings.inlineMaxRows();
        if (inline) {
            run(job, content);
        } else {
            try {
                executor.execute(new DelegatingSecurityContextRunnable(() -> run(job, content),
                        SecurityContextHolder.getContext()));
            } catch (RejectedExecutionException full) {
                jobs.remove(id);
                ExportFolders.clearUnfinished(directory, id);
                job.state = ExportState.FAILED;
                publish(FAILED, request.subject(), details(job) + "; reason=busy");
                throw new ExportBusyException();
            }
        }
        return job.status();
    }

    /** The current state of one of the caller's jobs. */
    @PreAuthorize("isAuthenticated()")
    public ExportStatus status(String jobId) {
        return owned(jobId).status();
    }

    /** The caller's jobs, newest first (finished ones until they expire). */
    @PreAuthorize("isAuthenticated()")
    public List<ExportStatus> myJobs() {
        String me = currentOwner();
        return jobs.values().stream().filter(j -> j.owner.equals(me))
                .sorted((a, b) -> b.created.compareTo(a.created)).map(Job::status).toList();
    }

    /**
     * Subscribes to a job's progress: the listener is called right away with the current status, then through
     * {@link LiveUpdates} on one of its threads (never the export's), at most every 200 ms and always with the
     * last state; never with a status older than one it already had.
     */
    @PreAuthorize("isAuthenticated()")
    public Registration subscribe(String jobId, Consumer<ExportStatus> listener) {
        Job job = owned(jobId);
        Object gate = new Object();
        long[] seen = {Long.MAX_VALUE}; // nothing before the current status
        Registration registration = live.subscribe(ExportProgressed.class, job.id, progressed -> {
            synchronized (gate) {
                if (progressed.sequence() > seen[0]) {
                    seen[0] = progressed.sequence();
                    listener.accept(progressed.status());
                }
            }
        });
        synchronized (gate) {
            ExportStatus current;
            synchronized (job) {
                seen[0] = job.sequence.get();
                current = job.status();
            }
            listener.accept(current);
        }
        return registration;
    }

    /** Asks a running or queued job to stop; its partial file is deleted. No effect once it is final. */
    @PreAuthorize("isAuthenticated()")
    public void cancel(String jobId) {
        Job job = owned(jobId);
        job.cancelled = true;
        job.publish(true);
    }

    /** The finished file, for its owner, until it expires. */
    @PreAuthorize("isAuthenticated()")
    public ExportFile download(String jobId) {
        Job job = owned(jobId);
        if (job.state != ExportState.DONE || job.file == null) {
            throw new ExportUnavailableException("export " + jobId + " is " + job.state);
        }
        if (!clock.instant().isBefore(job.expiresAt)) {
            expire(job);
            throw new ExportUnavailableException("export " + jobId + " has expired");
        }
        publish(DOWNLOADED, job.request.subject(), "job=" + job.id + "; file=" + job.request.fileName());
        return new ExportFile(job.file, job.request.fileName(), job.request.format().contentType(), job.fileSize);
    }

    /** Deletes expired files and forgets old jobs. Runs every minute by default. */
    @Scheduled(fixedDelayString = "${ngo.export.cleanup-interval:PT1M}", initialDelayString = "${ngo.export.cleanup-interval:PT1M}")
    public void cleanupExpired() {
        Instant now = clock.instant();
        for (Job job : jobs.values()) {
            if (job.state == ExportState.DONE && !now.isBefore(job.expiresAt)) {
                expire(job);
            }
            if (job.state.isFinal() && job.state != ExportState.DONE && job.finishedAt != null
                    && !now.isBefore(job.finishedAt.plus(settings.expiry().multipliedBy(2)))) {
                jobs.remove(job.id);
            }
        }
    }

    @PreDestroy
    void shutdown() {
        jobs.values().forEach(j -> j.cancelled = true);
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(ExportService::deleteQuietly);
        } catch (IOException e) {
            log.warn("Could not list export folder {}: {}", directory, e.toString());
        }
        folders.delete(directory);
        folders.release();
    }

    private void run(Job job, ExportContent content) {
        if (job.cancelled) {
            finish(job, ExportState.CANCELLED, CANCELLED, "");
            return;
        }
        job.state = ExportState.RUNNING;
        job.publish(true);
        Path part = directory.resolve(job.id + ".part");
        ExportState outcome;
        String reason = "";
        // POI's temp files go to this instance's folder, so a later start can remove what a crash leaves
        TempFile.setThreadLocalTempFileCreationStrategy(poiTempFiles);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 64 * 1024)) {
                content.write(out, job);
            }
            if (job.cancelled) {
                throw new ExportCancelledException();
            }
            Path done = directory.resolve(job.id + "." + job.request.format().extension());
            Files.move(part, done, StandardCopyOption.REPLACE_EXISTING);
            job.file = done;
            job.fileSize = Files.size(done);
            outcome = ExportState.DONE;
        } catch (ExportCancelledException cancelled) {
            outcome = ExportState.CANCELLED;
        } catch (Exception | LinkageError | OutOfMemoryError failure) {
            log.warn("Export {} ({}) failed", job.id, job.request.what(), failure);
            outcome = ExportState.FAILED;
            reason = "; reason=" + failure.getClass().getSimpleName();
        } finally {
            TempFile.setThreadLocalTempFileCreationStrategy(null);
            deleteQuietly(part);
        }
        // the final state becomes visible only once every partial file is gone
        finish(job, outcome, switch (outcome) {
            case DONE -> FINISHED;
            case CANCELLED -> CANCELLED;
            default -> FAILED;
        }, reason);
    }

    private void finish(Job job, ExportState outcome, String action, String reason) {
        job.finishedAt = clock.instant();
        if (outcome == ExportState.DONE) {
            job.expiresAt = job.finishedAt.plus(settings.expiry());
        }
        recordQuietly(action, job, reason);
        ExportFolders.clearUnfinished(directory, job.id);
        job.state = outcome;
        job.publish(true);
    }

    private void recordQuietly(String action, Job job, String extra) {
        try {
            publish(action, job.request.subject(), details(job) + extra);
        } catch (RuntimeException e) {
            log.error("Could not audit {} of export {}", action, job.id, e);
        }
    }

    private void expire(Job job) {
        synchronized (job) {
            if (job.state != ExportState.DONE) return;
            job.state = ExportState.EXPIRED;
            if (job.file != null) deleteQuietly(job.file);
            job.file = null;
        }
        job.publish(true);
    }

    private void publish(String action, String subject, String details) {
        events.publishEvent(new ExportEvent(action, subject, details));
    }

    /**
     * Who owns a job: the signed-in person's pseudonymous reference ({@link NamedPrincipal#auditName()}, e.g.
     * {@code account:42}), read from the security context as accounts do, without depending on them.
     */
    private static String currentOwner() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof NamedPrincipal p && p.auditName() != null) {
            return p.auditName();
        }
        throw new AccessDeniedException("Sign-in required");
    }

    private Job owned(String jobId) {
        String me = currentOwner();
        Job job = jobId == null ? null : jobs.get(jobId);
        if (job == null) {
            throw new ExportUnavailableException("no such export");
        }
        if (!job.owner.equals(me)) {
            throw new AccessDeniedException("Not your export");
        }
        return job;
    }

    private static String details(Job job) {
        ExportRequest r = job.request;
        return "what=" + r.what() + "; format=" + r.format() + "; filter=" + (r.filter().isEmpty() ? "none" : r.filter())
                + "; identity=" + r.identityIncluded() + "; rows=" + job.rowsDone + "; job=" + job.id;
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", path, e.toString());
        }
    }

    /** One export: also the monitor its writer reports to. */
    private final class Job implements ExportMonitor {
        final String id;
        final String owner;
        final ExportRequest request;
        final Instant created = clock.instant();
        final AtomicLong sequence = new AtomicLong();
        volatile ExportState state = ExportState.QUEUED;
        volatile boolean cancelled;
        volatile long rowsDone;
        volatile long totalRows;
        volatile Path file;
        volatile long fileSize;
        volatile Instant finishedAt;
        volatile Instant expiresAt;
        private long lastPublished;

        Job(String id, String owner, ExportRequest request) {
            this.id = id;
            this.owner = owner;
            this.request = request;
            this.totalRows = request.expectedRows();
        }

        @Override
        public void rowWritten() {
            rowsDone++; // one writer thread per job
            if (cancelled) {
                throw new ExportCancelledException();
            }
            publish(false);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void expectRows(long total) {
            totalRows = total;
            publish(true);
        }

        ExportStatus status() {
            return new ExportStatus(id, request.what(), state, rowsDone, totalRows, request.fileName(), fileSize, expiresAt);
        }

        void publish(boolean always) {
            long now = System.nanoTime();
            if (!always && now - lastPublished < NOTIFY_INTERVAL_NANOS) return;
            if (live.subscriberCount(ExportProgressed.class, id) == 0) return;
            lastPublished = now;
            ExportProgressed progressed;
            synchronized (this) {
                progressed = new ExportProgressed(id, sequence.incrementAndGet(), status());
            }
            events.publishEvent(progressed);
        }
    }
}
