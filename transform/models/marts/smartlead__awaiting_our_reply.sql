{#- Who is waiting for us: leads whose last human reply has no email of ours after it. A view,
    so that hours_waited runs to the moment it is read, not to the last dbt build. -#}
{{ config(materialized='view') }}

with threads as (
    select * from {{ ref('smartlead__threads') }}
)

select
    email_lead_map_id,
    lead_email,
    lead_first_name,
    lead_last_name,
    lead_company,
    email_campaign_id,
    email_campaign_name,
    email_account_id,
    category_name,
    last_human_reply_at,
    our_last_reply_at,
    {{ smartlead_inbox.round_1(
        smartlead_inbox.seconds_between('last_human_reply_at', smartlead_inbox.utc_now()) ~ ' / 3600.0'
    ) }} as hours_waited
from threads
where awaiting_our_reply
