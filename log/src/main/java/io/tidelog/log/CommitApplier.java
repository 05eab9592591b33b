package io.tidelog.log;

import com.lmax.disruptor.EventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The stage after the journaler: hands each written entry to the {@link CommitListener} in
 * sequence order, then completes the futures of its batch once the listener has seen the
 * batch's last entry, so that what the listener buffers per batch is visible by the time an
 * append's caller resumes.
 *
 * <p>Entries the journaler failed are not shown to the listener. When the log fails, the
 * last written entry before the failure is passed as the end of a batch, so a listener that
 * buffers still flushes everything that was written.
 */
final class CommitApplier implements EventHandler<AppendSlot> {
    private static final System.Logger LOG = System.getLogger(CommitApplier.class.getName());

    private final CommitListener listener;
    private final Journaler journaler;
    private final List<AppendSlot> batch = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    CommitApplier(CommitListener listener, Journaler journaler) {
        this.listener = listener;
        this.journaler = journaler;
    }

    @Override
    public void onEvent(AppendSlot slot, long ringSequence, boolean endOfBatch) {
        if (slot.failure == null) {
            boolean lastOfBatch = endOfBatch || ringSequence + 1 == journaler.failedFromRing();
            try {
                listener.onCommitted(slot.toEntry(), slot.position(), slot.attachment, lastOfBatch);
            } catch (Throwable t) {
                slot.listenerFailure = t;
                LOG.log(System.Logger.Level.DEBUG, "commit listener failed on entry " + slot.sequence, t);
            }
        }
        batch.add(slot);
        if (endOfBatch) {
            for (AppendSlot s : batch) {
                s.complete();
            }
            batch.clear();
        }
    }

    @Override
    public void onShutdown() {
        stopped.countDown();
    }

    void awaitStopped() throws InterruptedException {
        while (!stopped.await(10, TimeUnit.SECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "still waiting for the commit listener to return");
        }
    }
}
