package org.mailbridge.pipeline;

/**
 * What {@link Pipeline#prepare} made of a claimed mail: either it is finished already (it had
 * nothing to publish, or could not be read), or it is {@link Routed} and waits to be sent.
 */
public sealed interface Prepared permits Prepared.Done, Routed {
    /**
     * The mail is settled, in quarantine or back in the spool; nothing is to be sent.
     *
     * @param outcome how it ended
     */
    record Done(Outcome outcome) implements Prepared {
    }
}
