package com.example.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Builds order reports: the slow parts are planted on purpose. */
public class ReportService {
    private final CustomerRepository customerRepository;

    public ReportService(CustomerRepository customerRepository) {
        this.customerRepository = customerRepository;
    }

    public List<String> customerNames(List<Order> orders) {
        List<String> names = new ArrayList<>();
        for (Order order : orders) {
            Customer customer = customerRepository.findById(order.getCustomerId()).orElseThrow();
            names.add(customer.getName());
        }
        return names;
    }

    public String csv(List<Order> orders) {
        String report = "";
        for (Order order : orders) {
            report += order.getId() + "," + order.getTotal() + "\n";
        }
        return report;
    }

    public int validSkus(List<String> skus) {
        int valid = 0;
        for (String sku : skus) {
            if (Pattern.compile("^[A-Z]{3}-\\d{4}$").matcher(sku).matches()) {
                valid++;
            }
        }
        return valid;
    }
}
