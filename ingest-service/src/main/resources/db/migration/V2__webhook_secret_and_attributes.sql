-- Every webhook type of docs/channels/webhook.md. secret holds, sealed like url (v1:...), the
-- signing secret of DingTalk / Feishu / Lark robots, or the request headers of a CUSTOM webhook as a
-- JSON object (headers often carry credentials); null for other types. attributes holds the
-- non-secret settings as a JSON object: keyword (DingTalk), method, body, contentType (CUSTOM).
alter table webhooks add column secret text;
alter table webhooks add column attributes text not null default '{}';
