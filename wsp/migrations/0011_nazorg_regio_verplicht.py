from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):

    dependencies = [
        ('werkcentrum', '0001_initial'),
        ('wsp', '0010_nazorg_regio'),
    ]

    operations = [
        migrations.AlterField(
            model_name='nazorgmoment',
            name='regio',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='nazorgmomenten', to='werkcentrum.arbeidsmarktregio', verbose_name='regio'),
        ),
        migrations.AddIndex(
            model_name='nazorgmoment',
            index=models.Index(fields=['regio', 'vervaldatum', 'id'], name='nazorg_lijst_idx'),
        ),
        migrations.AddIndex(
            model_name='nazorgmoment',
            index=models.Index(condition=models.Q(('afgerond_op__isnull', True)), fields=['regio', 'vervaldatum', 'id'], name='nazorg_open_lijst_idx'),
        ),
    ]
