-- Every change of what the send path looks up (accounts, their message tokens, their webhooks) is
-- announced on channel herald_account_changed with the account id, so each ingest instance drops the
-- account from its in-memory lookups (CachedAccountDirectory), whoever made the change.
create function herald_account_changed() returns trigger language plpgsql as $$
declare
    changed jsonb;
begin
    if tg_op = 'DELETE' then
        changed := to_jsonb(old);
    else
        changed := to_jsonb(new);
    end if;
    perform pg_notify('herald_account_changed', coalesce(changed ->> 'account_id', changed ->> 'id'));
    return null;
end
$$;

create trigger accounts_changed after update or delete on accounts
    for each row execute function herald_account_changed();
create trigger webhooks_changed after insert or update or delete on webhooks
    for each row execute function herald_account_changed();
create trigger message_tokens_changed after insert or update or delete on message_tokens
    for each row execute function herald_account_changed();
