package org.mailbridge.publish;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for the confirmation stages {@link Publisher#send} returns. */
public final class Confirms {
    private Confirms() {
    }

    /** Waits for a send's confirmation, turning its failure back into the {@link PublishException}. */
    public static void await(CompletableFuture<Void> confirmed) throws PublishException {
        try {
            confirmed.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(PublishException.Scope.CONNECTION, "", "interrupted", e);
        }
    }

    /**
     * The {@link PublishException} behind a failed stage; anything else (a bug in a client
     * callback) counts as the connection's, so it is retried rather than blamed on the mail.
     */
    public static PublishException unwrap(Throwable failure, String domain) {
        Throwable t = failure;
        while (t instanceof CompletionException || t instanceof ExecutionException) {
            if (t.getCause() == null) {
                break;
            }
            t = t.getCause();
        }
        if (t instanceof PublishException p) {
            return p;
        }
        return new PublishException(PublishException.Scope.CONNECTION, domain, "send failed: " + t, t);
    }

    /** A stage already failed with the exception. */
    public static CompletableFuture<Void> failed(PublishException e) {
        return CompletableFuture.failedFuture(e);
    }
}
