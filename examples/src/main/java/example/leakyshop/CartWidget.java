package example.leakyshop;

/**
 * LEAK 2, the forgotten listener: each page view builds a cart widget that subscribes to price changes
 * and is never unsubscribed. When the page is gone the bus still holds the widget, and with it its
 * render buffer.
 */
final class CartWidget {

    static final int RENDER_BUFFER_BYTES = 1024;

    private final String sku;
    private final byte[] renderBuffer = new byte[RENDER_BUFFER_BYTES];
    private long shownCents;

    private CartWidget(String sku) {
        this.sku = sku;
    }

    /** Renders a page with a cart widget on it; the widget's subscription outlives the page. */
    static void showPage(EventBus bus, String sku) {
        CartWidget widget = new CartWidget(sku);
        bus.subscribe(widget::onPriceChange);
    }

    private void onPriceChange(EventBus.PriceChange change) {
        if (change.sku().equals(sku)) {
            shownCents = change.cents();
            renderBuffer[0] = (byte) shownCents;
        }
    }
}
