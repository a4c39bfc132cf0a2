-- The prune of delivered outbox rows past the retention (webhooks.Webhooks.PRUNE) finds them by this index, a
-- batch at a time, instead of reading every delivered row of the (state, next_attempt_at) index for each batch.
CREATE INDEX webhook_outbox_delivered_idx ON webhook_outbox (state, delivered_at);
