package org.mailbridge.parse.bugzilla;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One comment as the mail prints it.
 *
 * @param number the comment number (0 for the description), or empty when the mail's comment
 *     header carries none (old flag mail)
 * @param author who wrote it, when the mail says
 * @param body the text as printed (typed comments keep their "Created attachment N" lines)
 * @param attachment the attachment it creates, if it is a "Created attachment" comment
 * @param dupeOf the bug this one was marked a duplicate of, from the comment's trailer
 * @param duplicate the bug marked a duplicate of this one, from the comment's text
 */
record Comment(OptionalLong number, Optional<Identity> author, String body, Optional<Attachment> attachment,
               OptionalLong dupeOf, OptionalLong duplicate) {
    Comment {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(dupeOf, "dupeOf");
        Objects.requireNonNull(duplicate, "duplicate");
    }

    /**
     * An attachment a mail names.
     *
     * @param id the attachment id
     * @param description its description, or empty when the mail does not show it
     */
    record Attachment(long id, String description) {
        Attachment {
            Objects.requireNonNull(description, "description");
        }
    }
}
