from django.conf import settings
from django.db import models


class DataKey(models.Model):
    """A member's data key, stored only wrapped by a master key."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_key"
    )
    master_key_id = models.CharField(max_length=32)
    # nonce (12 bytes) followed by AES-GCM ciphertext of the 32-byte key.
    wrapped = models.BinaryField()
    created = models.DateTimeField(auto_now_add=True)
    rotated = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"data key of member {self.owner_id}"
