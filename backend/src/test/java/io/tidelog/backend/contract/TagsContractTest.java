package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.Tag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §7.2 getTags / setTags / removeTags. */
class TagsContractTest extends ContractTestBase {

    static final String TOO_MANY = "One or more parameter values were invalid: Too many tags: tag limit is 50";

    @BeforeEach
    void catalogRow() {
        backend.insertTableMetadata(meta(ORDERS));
    }

    private static List<Tag> numbered(int from, int toExclusive) {
        List<Tag> tags = new ArrayList<>();
        for (int i = from; i < toExclusive; i++) {
            tags.add(new Tag(String.format("key-%03d", i), "v" + i));
        }
        return tags;
    }

    @Test
    void getTagsIsEmptyWhenNoneWereSet() {
        assertEquals(List.of(), backend.getTags(ORDERS));
    }

    @Test
    void tagMethodsOnMissingCatalogRowRaiseOther() {
        assertKind(Kind.OTHER, () -> backend.getTags("Ghost"));
        assertKind(Kind.OTHER, () -> backend.setTags("Ghost", List.of(new Tag("a", "b"))));
        assertKind(Kind.OTHER, () -> backend.removeTags("Ghost", List.of("a")));
        assertKind(Kind.OTHER, () -> backend.getTags("orders"));
        backend.createDataTable("DataOnly");
        assertKind(Kind.OTHER, () -> backend.getTags("DataOnly"));
    }

    @Test
    void tagsAreReturnedSortedByKeyBytewise() {
        backend.setTags(ORDERS, List.of(new Tag("\uD83D\uDE00", "emoji"), new Tag("zeta", "1"),
                new Tag("\uFFFD", "replacement"), new Tag("Alpha", "2"), new Tag("alpha", "3"), new Tag("", "empty")));
        assertEquals(List.of(new Tag("", "empty"), new Tag("Alpha", "2"), new Tag("alpha", "3"), new Tag("zeta", "1"),
                new Tag("\uFFFD", "replacement"), new Tag("\uD83D\uDE00", "emoji")), backend.getTags(ORDERS));
    }

    @Test
    void setTagsMergesAndOverwrites() {
        backend.setTags(ORDERS, List.of(new Tag("env", "prod"), new Tag("team", "payments")));
        backend.setTags(ORDERS, List.of(new Tag("env", "staging"), new Tag("owner", "alice")));
        assertEquals(List.of(new Tag("env", "staging"), new Tag("owner", "alice"), new Tag("team", "payments")),
                backend.getTags(ORDERS));
    }

    @Test
    void laterDuplicateInTheListWins() {
        backend.setTags(ORDERS, List.of(new Tag("env", "dev"), new Tag("env", "prod"), new Tag("a", "1"),
                new Tag("env", "qa")));
        assertEquals(List.of(new Tag("a", "1"), new Tag("env", "qa")), backend.getTags(ORDERS));
    }

    @Test
    void emptyListChangesNothing() {
        backend.setTags(ORDERS, List.of(new Tag("env", "prod")));
        backend.setTags(ORDERS, List.of());
        assertEquals(List.of(new Tag("env", "prod")), backend.getTags(ORDERS));
    }

    @Test
    void fiftyTagsAreAllowed() {
        backend.setTags(ORDERS, numbered(0, 50));
        assertEquals(numbered(0, 50), backend.getTags(ORDERS));
        backend.setTags(ORDERS, List.of(new Tag("key-000", "overwritten")));
        assertEquals(50, backend.getTags(ORDERS).size(), "overwriting an existing key at the limit is fine");
        assertEquals("overwritten", backend.getTags(ORDERS).get(0).value());
    }

    @Test
    void fiftyOneTagsInOneCallRaiseValidationWithExactMessageAndChangeNothing() {
        backend.setTags(ORDERS, List.of(new Tag("keep", "me")));
        long seq = backend.lastSequence();
        BackendException e = assertKind(Kind.VALIDATION, () -> backend.setTags(ORDERS, numbered(0, 50)));
        assertEquals(TOO_MANY, e.getMessage());
        assertEquals(List.of(new Tag("keep", "me")), backend.getTags(ORDERS));
        assertEquals(seq, backend.lastSequence());
    }

    @Test
    void mergeThatWouldExceedFiftyRaisesValidationAndLeavesOldTags() {
        backend.setTags(ORDERS, numbered(0, 49));
        BackendException e = assertKind(Kind.VALIDATION,
                () -> backend.setTags(ORDERS, List.of(new Tag("key-000", "changed"), new Tag("new-1", "x"),
                        new Tag("new-2", "y"))));
        assertEquals(TOO_MANY, e.getMessage());
        assertEquals(numbered(0, 49), backend.getTags(ORDERS), "not even the overwrite of key-000 applied");
    }

    @Test
    void duplicatesInAFiftyOneElementListCountOnce() {
        List<Tag> tags = new ArrayList<>(numbered(0, 50));
        tags.add(new Tag("key-007", "again"));
        backend.setTags(ORDERS, tags);
        assertEquals(50, backend.getTags(ORDERS).size());
        assertEquals(new Tag("key-007", "again"), backend.getTags(ORDERS).get(7));
    }

    @Test
    void removeTagsIgnoresAbsentKeysAndCanRemoveAll() {
        backend.setTags(ORDERS, List.of(new Tag("env", "prod"), new Tag("team", "payments"), new Tag("owner", "bob")));
        backend.removeTags(ORDERS, List.of("team", "does-not-exist", "ENV"));
        assertEquals(List.of(new Tag("env", "prod"), new Tag("owner", "bob")), backend.getTags(ORDERS));
        backend.removeTags(ORDERS, List.of());
        assertEquals(2, backend.getTags(ORDERS).size(), "empty list changes nothing");
        backend.removeTags(ORDERS, List.of("env", "owner"));
        assertEquals(List.of(), backend.getTags(ORDERS));
        backend.removeTags(ORDERS, List.of("env"));
        assertEquals(List.of(), backend.getTags(ORDERS));
    }

    @Test
    void removingTagsMakesRoomUnderTheLimit() {
        backend.setTags(ORDERS, numbered(0, 50));
        backend.removeTags(ORDERS, List.of("key-010"));
        backend.setTags(ORDERS, List.of(new Tag("fresh", "1")));
        assertEquals(50, backend.getTags(ORDERS).size());
    }

    @Test
    void tagsArePerTable() {
        backend.insertTableMetadata(meta(USERS));
        backend.setTags(ORDERS, List.of(new Tag("env", "prod")));
        assertEquals(List.of(), backend.getTags(USERS));
        backend.removeTags(USERS, List.of("env"));
        assertEquals(List.of(new Tag("env", "prod")), backend.getTags(ORDERS));
    }

    @Test
    void returnedTagListIsASnapshot() {
        backend.setTags(ORDERS, List.of(new Tag("env", "prod")));
        List<Tag> before = backend.getTags(ORDERS);
        backend.setTags(ORDERS, List.of(new Tag("env", "dev"), new Tag("x", "y")));
        assertEquals(List.of(new Tag("env", "prod")), before);
    }
}
