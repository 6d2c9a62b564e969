{#- Which step makes people answer: per campaign and sequence step, the leads the step went to
    and those whose first human reply came after it (before the next step). -#}
with recursive threads as (
    select * from {{ ref('smartlead__threads') }}
),

emails as (
    select * from {{ ref('smartlead__emails') }}
),

sent_list as (
    select * from {{ ref('stg_smartlead__sent_emails') }}
),

-- The steps a lead with a thread received, read from the thread itself.
thread_steps as (
    select distinct email_lead_map_id, email_campaign_id, email_seq_number as step
    from emails
    where history_type = 'SENT' and email_seq_number is not null
),

-- Leads of the sent list that never replied: steps 1 to the one they are at.
silent_leads as (
    select sent_list.email_lead_map_id, sent_list.email_campaign_id, sent_list.current_sequence_number
    from sent_list
    left join threads on threads.email_lead_map_id = sent_list.email_lead_map_id
    where threads.email_lead_map_id is null and sent_list.current_sequence_number > 0
),

step_numbers as (
    select 1 as step
    union all
    select step_numbers.step + 1
    from step_numbers
    where step_numbers.step < (select max(current_sequence_number) from silent_leads)
),

lead_steps as (
    select email_lead_map_id, email_campaign_id, step from thread_steps
    union all
    select silent_leads.email_lead_map_id, silent_leads.email_campaign_id, step_numbers.step
    from silent_leads
    inner join step_numbers on step_numbers.step <= silent_leads.current_sequence_number
),

sent_per_step as (
    select email_campaign_id, step, count(distinct email_lead_map_id) as leads_sent_step
    from lead_steps
    group by email_campaign_id, step
),

answered_after_step as (
    select email_campaign_id, replied_after_step as step, count(*) as leads_first_human_reply
    from threads
    where replied_after_step is not null
    group by email_campaign_id, replied_after_step
),

campaign_names as (
    select email_campaign_id, max(email_campaign_name) as email_campaign_name
    from (
        select email_campaign_id, email_campaign_name from threads
        union all
        select email_campaign_id, email_campaign_name from sent_list
    ) as named
    group by email_campaign_id
),

denominator as (
    {{ denominator('sent_list') }}
)

select
    sent_per_step.email_campaign_id,
    campaign_names.email_campaign_name,
    sent_per_step.step,
    sent_per_step.leads_sent_step,
    coalesce(answered_after_step.leads_first_human_reply, 0) as leads_first_human_reply,
    {{ smartlead_inbox.percent('coalesce(answered_after_step.leads_first_human_reply, 0)',
                               'sent_per_step.leads_sent_step') }} as human_reply_pct,
    denominator.denominator
from sent_per_step
cross join denominator
left join answered_after_step
    on answered_after_step.email_campaign_id = sent_per_step.email_campaign_id
    and answered_after_step.step = sent_per_step.step
left join campaign_names
    on campaign_names.email_campaign_id = sent_per_step.email_campaign_id
