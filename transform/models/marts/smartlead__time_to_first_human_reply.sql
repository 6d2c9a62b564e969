{#- How fast do people answer: per campaign, and over all campaigns in a last row, the hours
    from our last email before a lead's first human reply to that reply. -#}
with threads as (
    select * from {{ ref('smartlead__threads') }}
),

per_campaign as (
    select
        email_campaign_id,
        max(email_campaign_name) as email_campaign_name,
        false as is_all_campaigns,
        count(*) as threads,
        count(seconds_to_first_human_reply) as leads_with_human_reply,
        {{ smartlead_inbox.median('seconds_to_first_human_reply') }} as median_seconds,
        avg(seconds_to_first_human_reply) as mean_seconds
    from threads
    group by email_campaign_id
),

all_campaigns as (
    select
        cast(null as {{ dbt.type_bigint() }}) as email_campaign_id,
        '(all campaigns)' as email_campaign_name,
        true as is_all_campaigns,
        count(*) as threads,
        count(seconds_to_first_human_reply) as leads_with_human_reply,
        {{ smartlead_inbox.median('seconds_to_first_human_reply') }} as median_seconds,
        avg(seconds_to_first_human_reply) as mean_seconds
    from threads
)

select
    email_campaign_id,
    email_campaign_name,
    is_all_campaigns,
    threads,
    leads_with_human_reply,
    {{ smartlead_inbox.round_1('median_seconds / 3600.0') }} as median_hours_to_first_human_reply,
    {{ smartlead_inbox.round_1('mean_seconds / 3600.0') }} as mean_hours_to_first_human_reply
from per_campaign
union all
select
    email_campaign_id,
    email_campaign_name,
    is_all_campaigns,
    threads,
    leads_with_human_reply,
    {{ smartlead_inbox.round_1('median_seconds / 3600.0') }},
    {{ smartlead_inbox.round_1('mean_seconds / 3600.0') }}
from all_campaigns
