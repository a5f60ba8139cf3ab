package org.concurrencyhandbook.asyncpitfalls.unretrieved;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.concurrencyhandbook.testkit.Fix;

/** The handlers 4.3's test runs besides Bad and Good: the fixes readers try, wrong and right. */
final class OtherHandlers {

    static final Fix<UploadHandler.Maker> EXCEPTIONALLY_ON_THE_FIRST_STAGE =
            Fix.of("exceptionally on the first stage only", ExceptionallyOnTheFirstStage::new);
    static final Fix<UploadHandler.Maker> WHEN_COMPLETE_ON_A_FORKED_STAGE =
            Fix.of("whenComplete on the parse, the rest forked off it", WhenCompleteOnAForkedStage::new);
    static final List<Fix<UploadHandler.Maker>> RIGHT_FIXES = List.of(
            Fix.of("whenComplete at the end of the chain", WhenCompleteAtTheEnd::new),
            Fix.of("handle at the end of the chain", HandleAtTheEnd::new));

    private OtherHandlers() {
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
    }

    /** The parse can fail, so it gets a handler — which turns its failure into a {@code null} the store receives. */
    private record ExceptionallyOnTheFirstStage(UploadHandler.Steps steps, Consumer<Throwable> errors)
            implements UploadHandler {
        @Override
        public void onUpload(String file) {
            CompletableFuture.supplyAsync(() -> steps.parse(file)).exceptionally(failure -> {
                errors.accept(unwrapped(failure));
                return null;
            }).thenAccept(steps::store);
        }
    }

    /**
     * A reporting {@code whenComplete} on the parse's future — and the store chained to that same future, not to the
     * one {@code whenComplete} returned: two branches, and only one is watched.
     */
    private record WhenCompleteOnAForkedStage(UploadHandler.Steps steps, Consumer<Throwable> errors)
            implements UploadHandler {
        @Override
        public void onUpload(String file) {
            CompletableFuture<String> parsed = CompletableFuture.supplyAsync(() -> steps.parse(file));
            parsed.whenComplete((result, failure) -> {
                if (failure != null) {
                    errors.accept(unwrapped(failure));
                }
            });
            parsed.thenAccept(steps::store);
        }
    }

    private record WhenCompleteAtTheEnd(UploadHandler.Steps steps, Consumer<Throwable> errors) implements UploadHandler {
        @Override
        public void onUpload(String file) {
            CompletableFuture.supplyAsync(() -> steps.parse(file)).thenAccept(steps::store)
                    .whenComplete((result, failure) -> {
                        if (failure != null) {
                            errors.accept(unwrapped(failure));
                        }
                    });
        }
    }

    private record HandleAtTheEnd(UploadHandler.Steps steps, Consumer<Throwable> errors) implements UploadHandler {
        @Override
        public void onUpload(String file) {
            CompletableFuture.supplyAsync(() -> steps.parse(file)).thenAccept(steps::store).handle((result, failure) -> {
                if (failure != null) {
                    errors.accept(unwrapped(failure));
                }
                return null;
            });
        }
    }
}
