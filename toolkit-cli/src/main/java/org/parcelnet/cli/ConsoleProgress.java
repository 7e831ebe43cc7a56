package org.parcelnet.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressState;

import org.parcelnet.progress.ProgressListener;

/**
 * One progress line on stderr (me.tongfei:progressbar schedules and renders it) when stderr is a
 * terminal and {@code --quiet} is off; otherwise nothing.
 *
 * <p>Steps nest: a step that begins while another runs (an algorithm inside a pipeline stage) is
 * shown as {@code stage › step} in place of its parent, which comes back when the step ends. Only
 * one line is ever used, and it is cleared when a step ends, so that no stale bar (one stopped
 * short of 100 %, or a stage without a known size) stays on the terminal: what remains is the
 * command's own output. Counts are grouped by thousands ({@code 1,460}); byte counts above 10 MB are
 * shown in MB. Nesting follows the order of the calls, so steps are meant to begin and end on one
 * thread at a time (work on other threads reports through {@link #advance}, which is thread-safe).
 */
final class ConsoleProgress implements ProgressListener {

    /** A step: its name as shown, its size (-1 when unknown) and its bar while it is the innermost. */
    private static final class Step {
        final String task;
        final String label;
        final long total;
        ProgressBar bar;
        long done;

        Step(String task, String label, long total) {
            this.task = task;
            this.label = label;
            this.total = total;
        }
    }

    private final PrintStream out;
    private final int width;
    private final Deque<Step> steps = new ArrayDeque<>();

    /** Draws on {@code out}, a terminal {@code width} columns wide. */
    ConsoleProgress(PrintStream out, int width) {
        this.out = out;
        this.width = Math.max(20, width);
    }

    /** A line on the terminal, or {@link ProgressListener#NONE} when quiet or stderr is not one. */
    static ProgressListener create(boolean quiet) {
        if (quiet || System.console() == null) {
            return ProgressListener.NONE;
        }
        return new ConsoleProgress(System.err, new ConsoleProgressBarConsumer(System.err).getMaxRenderedLength());
    }

    @Override
    public synchronized void begin(String task, long totalWork) {
        Step parent = steps.peek();
        if (parent != null) {
            hide(parent);
        }
        String label = task;
        if (parent != null) {
            // "read › read file.csv" says the same twice: the inner name alone replaces the parent's
            String prefix = parent.label.substring(0, parent.label.length() - parent.task.length());
            label = task.startsWith(parent.task) ? prefix + task : parent.label + " › " + task;
        }
        Step s = new Step(task, label, totalWork < 0 ? -1 : totalWork);
        steps.push(s);
        show(s);
    }

    @Override
    public synchronized void advance(long work) {
        Step s = steps.peek();
        if (s != null) {
            s.done += work;
            if (s.bar != null) {
                s.bar.stepBy(work);
            }
        }
    }

    @Override
    public synchronized void end() {
        Step s = steps.poll();
        if (s == null) {
            return; // an extra end(), e.g. from a finally block after a normal end
        }
        hide(s);
        Step parent = steps.peek();
        if (parent != null) {
            show(parent);
        }
    }

    private void show(Step s) {
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName(s.label)
                .setInitialMax(s.total)
                .setUpdateIntervalMillis((int) interval().toMillis())
                .continuousUpdate()
                .clearDisplayOnFinish()
                .setRenderer(ConsoleProgress::render)
                .setConsumer(new OneLine(out, width));
        s.bar = b.build();
        if (s.done > 0) {
            s.bar.stepTo(s.done);
        }
    }

    private static void hide(Step s) {
        if (s.bar != null) {
            s.bar.close();
            s.bar = null;
        }
    }

    static Duration interval() {
        return Duration.ofMillis(200);
    }

    /** Totals above this many units are taken as bytes and shown in MB. */
    private static final long MEGA_THRESHOLD = 10_000_000;

    /**
     * {@code name  62% [=======     ] 2,097,152/3,365,774  0:03 / 0:05}, the bar filling what the
     * width leaves; {@code name  0:03} when the size is unknown.
     */
    static String render(ProgressState p, int maxLength) {
        String elapsed = clock(p.getTotalElapsed());
        long max = p.getMax();
        long cur = p.getCurrent();
        if (p.isIndefinite() || max <= 0) {
            String s = p.getTaskName() + "  " + elapsed;
            return s.length() > maxLength ? s.substring(0, maxLength) : s;
        }
        cur = Math.min(cur, max);
        int percent = (int) (100 * cur / max);
        String counts = max > MEGA_THRESHOLD
                ? String.format(Locale.ROOT, "%,.1f/%,.1f MB", cur / 1e6, max / 1e6)
                : String.format(Locale.ROOT, "%,d/%,d", cur, max);
        String eta = "";
        if (cur > 0 && cur < max) {
            long ms = p.getElapsedAfterStart().toMillis();
            eta = " / " + clock(Duration.ofMillis(ms * (max - cur) / cur));
        }
        String head = String.format(Locale.ROOT, "%s %3d%% [", p.getTaskName(), percent);
        String tail = "] " + counts + "  " + elapsed + eta;
        int room = maxLength - head.length() - tail.length();
        if (room < 5) {
            String s = head.substring(0, head.length() - 2) + "  " + counts;
            return s.length() > maxLength ? s.substring(0, maxLength) : s;
        }
        int filled = (int) ((long) room * cur / max);
        return head + "=".repeat(filled) + " ".repeat(room - filled) + tail;
    }

    private static String clock(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * Draws every update over the same line ({@code \r}, the text, spaces over what a longer earlier
     * text left) and leaves the cursor on it; {@link #clear} blanks the line.
     */
    static final class OneLine implements ProgressBarConsumer {
        private final PrintStream out;
        private final int width;
        private int shown;

        OneLine(PrintStream out, int width) {
            this.out = out;
            this.width = width;
        }

        @Override
        public int getMaxRenderedLength() {
            return width - 1;
        }

        @Override
        public void accept(String rendered) {
            String s = rendered.length() > width - 1 ? rendered.substring(0, width - 1) : rendered;
            int pad = Math.max(0, shown - s.length());
            out.print('\r' + s + " ".repeat(pad));
            out.flush();
            shown = s.length();
        }

        @Override
        public void clear() {
            out.print('\r' + " ".repeat(shown) + '\r');
            out.flush();
            shown = 0;
        }

        @Override
        public void close() {
            // the line stays for the next step; clear() has blanked it
        }
    }
}
