create table shipments (order_id bigint not null, carrier varchar(40) not null);
