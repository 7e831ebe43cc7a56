package org.example;
import java.nio.file.Path;
import org.parcelnet.leads.PartyLead;
import org.parcelnet.pipeline.Analysis;
import org.parcelnet.pipeline.AnalysisOptions;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.synth.SampleData;
public class Main {
  public static void main(String[] a) throws Exception {
    Path sample = SampleData.shipments();
    AnalysisResult result = Analysis.run(sample, AnalysisOptions.builder().seed(42).build());
    PartyLead top = result.leads().parties().get(0);
    System.out.printf("%d rings, %,d relay chains; top lead %s: %s%n", result.rings().ringCount(),
        result.chains().chainCount(), top.id(), top.reasonText());
  }
}
