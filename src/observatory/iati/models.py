"""What the IATI exchange needs beyond the registry: the sectors of a programme.

The registry has no sector; IATI files carry them (DAC 5-digit codes and other vocabularies).
Imported sectors are kept here so that a programme read from a publisher's file is published
again with them; programmes without any are exported without sectors.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from observatory.registry.models import Programme


class ProgrammeSector(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="iati_sectors", verbose_name=_("programme"))
    vocabulary = models.CharField(_("IATI SectorVocabulary"), max_length=3, default="1",
                                  help_text=_("1 is the OECD DAC 5-digit list."))
    code = models.CharField(_("code"), max_length=20)
    percentage = models.DecimalField(
        _("percentage"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)])
    narrative = models.CharField(_("name"), max_length=300, blank=True)

    class Meta:
        ordering = ["programme", "pk"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [models.UniqueConstraint(fields=["programme", "vocabulary", "code"],
                                               name="iati_sector_unique_code")]

    def __str__(self) -> str:
        return f"{self.vocabulary}:{self.code}"
