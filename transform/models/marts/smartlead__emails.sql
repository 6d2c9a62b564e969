{#- One row per email of the threads in smartlead__threads, as their newest delivery holds
    them: an email a later delivery of its thread no longer carries (a loader that appends
    keeps the old row) is left out, so each thread has exactly its history_count emails. -#}
with emails as (
    select * from {{ ref('stg_smartlead__email_history') }}
),

threads as (
    select * from {{ ref('smartlead__threads') }}
)

select
    emails.email_lead_map_id,
    emails.email_key,
    emails.history_index,
    emails.history_type,
    emails.history_time,
    emails.email_seq_number,
    emails.reply_kind,
    coalesce(emails.reply_kind = 'human', false) as is_human_reply,
    emails.history_subject,
    emails.history_from,
    emails.history_to,
    emails.history_cc_joined,
    emails.history_open_count,
    emails.history_click_count,
    emails.history_opened_at,
    emails.reply_text,
    emails.email_body_text,
    threads.lead_email,
    threads.email_campaign_id,
    threads.email_campaign_name,
    threads.email_account_id,
    emails.api_fetched_at
from emails
inner join threads
    on threads.email_lead_map_id = emails.email_lead_map_id
    -- A thread and its emails arrive together, with one api_fetched_at.
    and emails.api_fetched_at >= threads.api_fetched_at
