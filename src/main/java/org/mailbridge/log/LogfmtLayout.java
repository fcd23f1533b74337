package org.mailbridge.log;

import java.time.Instant;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.LayoutBase;

/**
 * Logback layout printing one logfmt line per event: {@code ts=… level=… logger=…} then the
 * message. The bridge's own messages are already logfmt ({@code msg=…}); a library's free text
 * is quoted into {@code msg="…"}. Exceptions become one {@code err="…"} pair, not a stack trace,
 * unless the level is DEBUG.
 */
public final class LogfmtLayout extends LayoutBase<ILoggingEvent> {
    @Override
    public String doLayout(ILoggingEvent e) {
        StringBuilder sb = new StringBuilder(160);
        sb.append("ts=").append(Instant.ofEpochMilli(e.getTimeStamp()));
        sb.append(" level=").append(e.getLevel().toString().toLowerCase(java.util.Locale.ROOT));
        String logger = e.getLoggerName();
        sb.append(" logger=").append(logger.substring(logger.lastIndexOf('.') + 1));
        String m = e.getFormattedMessage() == null ? "" : e.getFormattedMessage();
        if (logger.startsWith("org.mailbridge.") && m.startsWith("msg=") && m.indexOf('\n') < 0) {
            sb.append(' ').append(m);
        } else {
            sb.append(" msg=").append(LogFmt.quote(m));
        }
        IThrowableProxy t = e.getThrowableProxy();
        if (t != null) {
            sb.append(" err=").append(LogFmt.quote(t.getClassName() + ": " + t.getMessage()));
        }
        return sb.append(System.lineSeparator()).toString();
    }
}
