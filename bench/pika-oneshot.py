#!/usr/bin/python3
# The baseline of `deliver`: one mail from stdin to RabbitMQ with Debian's python3-pika.
import sys, pika
body = sys.stdin.buffer.read()
conn = pika.BlockingConnection(pika.ConnectionParameters(sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"))
channel = conn.channel()
channel.confirm_delivery()
channel.basic_publish("amq.topic", "org.fedoraproject.bench.mail.received", body,
                      pika.BasicProperties(delivery_mode=2, content_type="message/rfc822"))
conn.close()
