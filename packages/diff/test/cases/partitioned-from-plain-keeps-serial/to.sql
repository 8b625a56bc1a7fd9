CREATE TABLE ticket (id serial, lane text NOT NULL, PRIMARY KEY (id, lane)) PARTITION BY LIST (lane);
CREATE TABLE ticket_fast PARTITION OF ticket FOR VALUES IN ('fast');
