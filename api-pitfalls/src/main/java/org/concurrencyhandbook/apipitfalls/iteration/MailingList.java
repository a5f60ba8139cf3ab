package org.concurrencyhandbook.apipitfalls.iteration;

import java.util.List;
import java.util.function.Consumer;

/** A newsletter's subscribers: people come and go while an issue is being sent. Both examples implement it. */
public interface MailingList {

    void subscribe(String address);

    void unsubscribe(String address);

    /** Sends the issue — {@code mailer} is called once per address — to everyone subscribed. */
    void sendToAll(Consumer<String> mailer);

    /** The addresses subscribed now, in the order they subscribed. */
    List<String> addresses();
}
