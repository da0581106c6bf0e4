package example.leakyshop;

import java.time.Instant;

/**
 * A logged-in user's session. The attributes stand for what real sessions accumulate (a cart, a
 * serialized profile, CSRF tokens): the bulk of its size.
 */
record Session(String id, String user, Instant createdAt, byte[] attributes) {
}
