"""Envelope encryption at rest.

Master keys (key-encryption keys) wrap one random data key per member; the
member's sensitive fields are sealed with that data key. Deleting the data
key makes every sealed field unreadable for good.
"""
