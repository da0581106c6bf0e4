package dev.heapscope.rest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.util.Callback;

/**
 * In front of TLS: a plain-HTTP request sent to the HTTPS port gets a problem saying so, instead of a
 * connection closed without a word. Nothing is served in plain text.
 */
final class PlaintextOnTlsPort extends DetectorConnectionFactory {

    private static final byte[] ANSWER = answer();

    PlaintextOnTlsPort(ConnectionFactory.Detecting tls) {
        super(tls);
    }

    @Override
    protected void nextProtocol(Connector connector, EndPoint endPoint, ByteBuffer buffer) {
        endPoint.write(Callback.from(endPoint::close), ByteBuffer.wrap(ANSWER));
    }

    private static byte[] answer() {
        byte[] body = Problems.json(Problems.typeFor(400), Problems.titleFor(400), 400,
                "this port serves HTTPS only: use https:// instead of http://").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: " + Problems.MEDIA_TYPE + "\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
