/**
 * What the notification-service targets (ServerChan, IFTTT, Bark, Gotify, WxPusher, Telegram,
 * Discord, Slack, custom) have in common: which rendering of the content they take, how text is
 * cut to a target's limit, and how an HTTP answer without a body verdict is read.
 */
package org.herald.channel.webhook.notify;
