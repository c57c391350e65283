package org.herald.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves a host once and refuses it when any of its addresses is refused (reference §10.6 step
 * 2). Filtering would be wrong: an attacker's name can answer one public and one private address.
 * OkHttp connects only to the addresses returned here, so a second, rebinding lookup never happens.
 */
final class GuardedDns implements Dns {

    private final AddressPolicy policy;
    private final Dns delegate;

    GuardedDns(AddressPolicy policy, Dns delegate) {
        this.policy = policy;
        this.delegate = delegate;
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> addresses = delegate.lookup(host);
        for (InetAddress address : addresses) {
            var refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedAddressException(host, "resolves to a refused address: " + refusal.get());
            }
        }
        return List.copyOf(addresses);
    }
}
