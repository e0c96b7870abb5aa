# a let of a boolean that no later block reads is refused at the let; one a later block reads is fine
check src/test/resources/fixtures/unread-boolean-let.md
