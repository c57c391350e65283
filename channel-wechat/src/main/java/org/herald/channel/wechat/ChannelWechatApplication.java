package org.herald.channel.wechat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** WeChat Official Account template messages and WeCom application messages; delivery arrives with its own issue. */
@SpringBootApplication
public class ChannelWechatApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChannelWechatApplication.class, args);
    }
}
