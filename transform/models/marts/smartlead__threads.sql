{#- One row per lead thread: who, which campaign and sending account, its category by name,
    and the thread's metrics as the tap computed them from the whole thread. -#}
with threads as (
    select * from {{ ref('stg_smartlead__inbox_replies') }}
),

categories as (
    select * from {{ ref('stg_smartlead__lead_categories') }}
)

select
    threads.email_lead_map_id,
    threads.email_lead_id,
    threads.lead_email,
    threads.lead_first_name,
    threads.lead_last_name,
    threads.lead_company,
    threads.email_campaign_id,
    threads.email_campaign_name,
    threads.email_account_id,
    threads.email_account_email,
    threads.lead_category_id,
    -- The account's list names it; the documented API shape also names it in the row itself.
    coalesce(categories.category_name, threads.lead_category_name) as category_name,
    categories.category_id is not null as category_is_listed,
    threads.lead_status,
    threads.email_status,
    threads.is_read,
    threads.is_important,
    threads.is_archived,
    threads.history_count,
    threads.reply_count,
    threads.human_reply_count,
    threads.auto_reply_count,
    threads.bounce_count,
    threads.unsubscribe_count,
    threads.human_reply_count > 0 as has_human_reply,
    threads.first_sent_at,
    threads.first_reply_at,
    threads.first_human_reply_at,
    threads.seconds_to_first_human_reply,
    {{ smartlead_inbox.round_1('threads.seconds_to_first_human_reply / 3600.0') }} as hours_to_first_human_reply,
    threads.replied_after_step,
    threads.last_human_reply_at,
    threads.our_last_reply_at,
    coalesce(threads.awaiting_our_reply, false) as awaiting_our_reply,
    threads.last_sent_time,
    threads.last_reply_time,
    threads.api_fetched_at
from threads
left join categories
    on categories.category_id = threads.lead_category_id
