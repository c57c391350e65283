package org.herald.rendering.pay;

import java.util.Optional;
import org.herald.rendering.RenderedMessage;
import org.herald.rendering.TemplateRenderer;
import org.herald.rendering.card.Card;
import org.herald.rendering.card.CardWriter;
import org.herald.rendering.json.LenientJson;
import org.herald.rendering.txt.TxtTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code pay}: a payment-received notice. The page shows pushplus' detail list (收款金额, 商品名称,
 * 订单号, 支付时间, 支付方式, 订单状态); the WeChat fields are the card's (到账金额, 支付方式,
 * 支付时间, 订单编号). A bare number amount is shown in yuan.
 */
public final class PayTemplate implements TemplateRenderer {

    private final CardWriter writer = new CardWriter();

    @Override
    public RenderedMessage render(String title, String content) {
        Optional<ObjectNode> payload = LenientJson.readObjectOrForm(content);
        if (payload.isEmpty() || !(payload.get().has("amount") || payload.get().has("orderNo"))) {
            return TxtTemplate.of(content);
        }
        ObjectNode pay = payload.get();
        String amount = amount(LenientJson.field(pay, "amount"));
        String way = LenientJson.field(pay, "payWay");
        String time = LenientJson.field(pay, "successTime");
        String order = LenientJson.field(pay, "orderNo");
        return writer.write(Card.builder()
                .heading("收款成功通知")
                .row("收款金额", amount)
                .row("商品名称", LenientJson.field(pay, "name"))
                .row("订单号", order)
                .row("支付时间", time)
                .row("支付方式", way)
                .row("订单状态", LenientJson.field(pay, "payState"))
                .field("到账金额", amount)
                .field("支付方式", way)
                .field("支付时间", time)
                .field("订单编号", order)
                .build());
    }

    private static String amount(String amount) {
        if (amount == null) {
            return null;
        }
        return amount.strip().matches("-?\\d+(\\.\\d+)?") ? amount.strip() + "元" : amount;
    }
}
