-- Schema 10: a consult recorded afterwards (R-CONSENT-1, issue 12). One stated on an earlier
-- Amsterdam day than it was recorded carries a reason (sealed with the client's key); its
-- reflection period counts from the day it was recorded until another owner confirms the
-- stated time.
ALTER TABLE consults ADD COLUMN late_reason_sealed TEXT;
ALTER TABLE consults ADD COLUMN confirmed_at_us BIGINT;
ALTER TABLE consults ADD COLUMN confirmed_by TEXT;
