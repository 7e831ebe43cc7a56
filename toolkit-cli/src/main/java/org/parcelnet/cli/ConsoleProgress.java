package org.parcelnet.cli;

import java.time.Duration;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.parcelnet.progress.ProgressListener;

/**
 * Draws a progress bar on stderr (me.tongfei:progressbar, a maintained library, rather than
 * hand-drawn escape codes) when stderr is a terminal and {@code --quiet} is off; otherwise does
 * nothing.
 */
final class ConsoleProgress implements ProgressListener {

    private ProgressBar bar;

    private ConsoleProgress() {
    }

    /** A bar on a terminal, or {@link ProgressListener#NONE}. */
    static ProgressListener create(boolean quiet) {
        if (quiet || System.console() == null) {
            return ProgressListener.NONE;
        }
        return new ConsoleProgress();
    }

    @Override
    public synchronized void begin(String task, long totalWork) {
        end();
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalWork < 0 ? -1 : totalWork)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setMaxRenderedLength(100)
                .continuousUpdate()
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .showSpeed()
                .setUnit(totalWork > 10_000_000 ? " MB" : "", totalWork > 10_000_000 ? 1_000_000 : 1)
                .build();
    }

    @Override
    public synchronized void advance(long work) {
        if (bar != null) {
            bar.stepBy(work);
        }
    }

    @Override
    public synchronized void end() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    static Duration interval() {
        return Duration.ofMillis(200);
    }
}
