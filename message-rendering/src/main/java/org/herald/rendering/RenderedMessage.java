package org.herald.rendering;

/**
 * One message in every form a reader meets it.
 *
 * @param pageHtml the body of the message page: sanitised HTML, safe to embed as is
 * @param plainText the content as plain text, line breaks kept, no markup
 * @param markdown the content as robot markdown (WeCom, DingTalk, Feishu, Slack, Telegram), no raw HTML
 */
public record RenderedMessage(String pageHtml, String plainText, String markdown) {}
