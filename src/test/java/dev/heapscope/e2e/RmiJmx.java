package dev.heapscope.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

/**
 * A real RMI connector server on loopback over the platform MBeanServer, and a client connected to it
 * the way JConsole connects: everything the tests read crosses RMI serialization, so a class the client
 * does not have fails the call.
 */
final class RmiJmx implements AutoCloseable {

    private final JMXConnectorServer server;
    private final JMXConnector client;

    private RmiJmx(JMXConnectorServer server, JMXConnector client) {
        this.server = server;
        this.client = client;
    }

    static RmiJmx start() throws IOException {
        RMIServerSocketFactory loopbackOnly = port -> new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(
                new JMXServiceURL("service:jmx:rmi://127.0.0.1/"),
                Map.of(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, loopbackOnly),
                ManagementFactory.getPlatformMBeanServer());
        server.start();
        try {
            return new RmiJmx(server, JMXConnectorFactory.connect(server.getAddress()));
        } catch (IOException e) {
            server.stop();
            throw e;
        }
    }

    MBeanServerConnection connection() throws IOException {
        return client.getMBeanServerConnection();
    }

    @Override
    public void close() throws IOException {
        try {
            client.close();
        } finally {
            server.stop();
        }
    }
}
