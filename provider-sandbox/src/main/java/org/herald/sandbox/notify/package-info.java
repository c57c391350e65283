/** What the fakes of notification services (ServerChan, Bark, Gotify, Telegram, …) share. */
package org.herald.sandbox.notify;
