{#- The email mart holds exactly the emails of the threads: each thread has as many emails as
    its history_count says, and no email lacks its thread. A failure is a thread whose counts
    differ, or an email's thread id that no thread has. -#}
{% test holds_exactly_the_emails_of(model, threads) %}
with emails_per_thread as (
    select email_lead_map_id, count(*) as emails
    from {{ model }}
    group by email_lead_map_id
)

select
    coalesce(threads.email_lead_map_id, emails_per_thread.email_lead_map_id) as email_lead_map_id,
    threads.history_count,
    coalesce(emails_per_thread.emails, 0) as emails
from {{ threads }} as threads
full outer join emails_per_thread
    on emails_per_thread.email_lead_map_id = threads.email_lead_map_id
where threads.email_lead_map_id is null
    or coalesce(emails_per_thread.emails, 0) <> coalesce(threads.history_count, 0)
{% endtest %}
