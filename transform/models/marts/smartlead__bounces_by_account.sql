{#- Which sending account bounces: per account, the leads it mailed and those with at least
    one delivery failure notice (which Smartlead files as a reply). -#}
with threads as (
    select * from {{ ref('smartlead__threads') }}
),

sent_list as (
    select * from {{ ref('stg_smartlead__sent_emails') }}
),

mailed as (
    select email_lead_map_id, email_account_id, email_account_email
    from threads
    where first_sent_at is not null
    union
    select email_lead_map_id, email_account_id, email_account_email
    from sent_list
),

per_account as (
    select
        email_account_id,
        max(email_account_email) as email_account_email,
        count(distinct email_lead_map_id) as leads_mailed
    from mailed
    group by email_account_id
),

bounced as (
    select
        email_account_id,
        count(*) as leads_bounced,
        sum(bounce_count) as bounce_notices
    from threads
    where bounce_count > 0
    group by email_account_id
),

denominator as (
    {{ denominator('sent_list') }}
)

select
    per_account.email_account_id,
    per_account.email_account_email,
    per_account.leads_mailed,
    coalesce(bounced.leads_bounced, 0) as leads_bounced,
    coalesce(bounced.bounce_notices, 0) as bounce_notices,
    {{ smartlead_inbox.percent('coalesce(bounced.leads_bounced, 0)', 'per_account.leads_mailed') }} as bounce_pct,
    denominator.denominator
from per_account
cross join denominator
left join bounced
    on bounced.email_account_id = per_account.email_account_id
